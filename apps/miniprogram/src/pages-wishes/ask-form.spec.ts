import { askRequest, askStepTwoProblem, VOICE_ONLY_DESCRIPTION } from './ask-form';

describe('我要求助', () => {
  it('needs words or a voice note before the last step', () => {
    expect(askStepTwoProblem({ description: '  ' })).toMatch(/录音/);
    expect(askStepTwoProblem({ description: '灯泡坏了' })).toBeUndefined();
    expect(askStepTwoProblem({ description: '', voiceId: 'v1' })).toBeUndefined();
  });

  it('titles the wish with the first line of what was written, cut to the limit', () => {
    const request = askRequest({ category: '生活帮扶', description: `${'灯'.repeat(40)}\n第二行` });
    expect(request.title).toBe('灯'.repeat(30));
    expect(request.description).toBe(`${'灯'.repeat(40)}\n第二行`);
    expect(request.voiceId).toBeUndefined();
  });

  it('posts a spoken wish with the voice note and says to listen to it', () => {
    const request = askRequest({ category: '助老助残', description: '', voiceId: 'v1' });
    expect(request).toEqual({
      title: `助老助残：${VOICE_ONLY_DESCRIPTION}`,
      description: VOICE_ONLY_DESCRIPTION,
      category: '助老助残',
      voiceId: 'v1',
    });
  });
});
