import { validateGroup } from './group-form';

const THREE = [
  { userId: 'u1', name: '张卫东' },
  { userId: 'u2', name: '刘建国' },
  { userId: 'u3', name: '王秀英' },
];

describe('the group form', () => {
  it('holds a new group to the community’s group size', () => {
    const { errors, request } = validateGroup(
      { name: '小组', compoundId: '', members: THREE, leaderId: 'u1' },
      2,
    );
    expect(errors).toEqual({ members: '小组最多 2 人' });
    expect(request).toBeUndefined();
  });

  it('lets a group formed before the size was lowered be renamed, but not grow', () => {
    const renamed = validateGroup(
      { name: '新名字', compoundId: '', members: THREE, leaderId: 'u1' },
      2,
      THREE,
    );
    expect(renamed.errors).toEqual({});
    expect(renamed.request?.name).toBe('新名字');
    const grown = validateGroup(
      { name: '新名字', compoundId: '', members: [...THREE, { userId: 'u4', name: '陈丽' }], leaderId: 'u1' },
      2,
      THREE,
    );
    expect(grown.errors.members).toBe('小组最多 2 人');
  });

  it('asks for a name, members and a leader among them', () => {
    expect(validateGroup({ name: '  ', compoundId: '', members: [], leaderId: '' }, 3).errors).toEqual({
      name: '请填写小组名称',
      members: '请至少选择一名成员',
      leader: '请选择组长',
    });
  });

  it('holds the name to the contract’s limit, and refuses what cannot be shown', () => {
    const named = (name: string) =>
      validateGroup({ name, compoundId: '', members: THREE, leaderId: 'u1' }, 3).errors.name;
    expect(named('组'.repeat(40))).toBeUndefined();
    expect(named('组'.repeat(41))).toBe('小组名称不能超过 40 个字');
    expect(named('一组\u0007')).toBe('小组名称含有无法显示的字符，请删掉后重新输入');
  });
});
