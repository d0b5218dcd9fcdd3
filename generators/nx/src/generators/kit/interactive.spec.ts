/** The kit generator with a person at the terminal (the prompts are mocked). */
import { useGeneratorSandbox } from '../../__fixtures__/sandbox';
import { choose, confirm } from '../../lib/interactive';
import { kitGenerator } from './generator';

jest.mock('../../lib/interactive', () => ({
  isInteractive: () => true,
  choose: jest.fn(),
  confirm: jest.fn(),
}));
const chooseMock = choose as jest.MockedFunction<typeof choose>;
const confirmMock = confirm as jest.MockedFunction<typeof confirm>;

const sb = useGeneratorSandbox();

beforeEach(() => {
  chooseMock.mockReset();
  confirmMock.mockReset();
});

describe('kit generator, interactive', () => {
  it('offers the profiles of ~/.aws/config when --profile is missing', async () => {
    chooseMock.mockResolvedValue('staging-eu');
    await kitGenerator(sb.tree, { name: 'deploy', hosts: 'claude-code', tokenLimit: 20000 });
    expect(chooseMock).toHaveBeenCalledWith(expect.stringContaining("Which AWS profile should kit 'deploy' use?"), ['ci-keys', 'default', 'dev-sandbox', 'prod-eu', 'prod-us', 'staging-eu']);
    expect(sb.tree.read('.mcp.json', 'utf-8')).toContain('"AWS_PROFILE": "staging-eu"');
  });

  it('asks before going over the budget; no means nothing is written', async () => {
    confirmMock.mockResolvedValueOnce(false);
    await expect(kitGenerator(sb.tree, { name: 'eks-debug', profile: 'dev-sandbox' })).rejects.toThrow(/over the 5000-token recommendation: nothing was written$/);
    expect(confirmMock).toHaveBeenCalledWith(expect.stringMatching(/Write it anyway\?$/));
    expect(sb.tree.exists('.vscode/mcp.json')).toBe(false);
    confirmMock.mockResolvedValueOnce(true);
    await kitGenerator(sb.tree, { name: 'eks-debug', profile: 'dev-sandbox' });
    expect(sb.tree.exists('.vscode/mcp.json')).toBe(true);
  });

  it('asks to confirm a production profile', async () => {
    confirmMock.mockResolvedValueOnce(false);
    await expect(kitGenerator(sb.tree, { name: 'deploy', profile: 'prod-eu', tokenLimit: 20000 })).rejects.toMatchObject({ code: 'PROD_NEEDS_CONFIRM' });
    confirmMock.mockResolvedValueOnce(true);
    await kitGenerator(sb.tree, { name: 'deploy', profile: 'prod-eu', tokenLimit: 20000 });
    expect(confirmMock).toHaveBeenLastCalledWith(expect.stringMatching(/Use production profile 'prod-eu'\?$/));
    expect(sb.tree.read('.vscode/mcp.json', 'utf-8')).toContain('"AWS_PROFILE": "prod-eu"');
  });
});
