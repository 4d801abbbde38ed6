import { validateReward } from './validate';

describe('validateReward', () => {
  it('trims the fields and turns the numbers into integers', () => {
    expect(validateReward({ name: ' 纯棉毛巾 ', cost: '20', stock: ' 60', description: ' 两条装 ' })).toEqual(
      {
        errors: {},
        request: { name: '纯棉毛巾', cost: 20, stock: 60, description: '两条装' },
      },
    );
    expect(validateReward({ name: '理发券', cost: '30', stock: '0', description: '' }).request).toEqual({
      name: '理发券',
      cost: 30,
      stock: 0,
    });
  });

  it('says what is wrong with each field, in Chinese', () => {
    const { errors, request } = validateReward({ name: '', cost: '0', stock: '2.5', description: '' });
    expect(request).toBeUndefined();
    expect(errors).toEqual({
      name: '请填写商品名称',
      cost: '积分应为 1 到 100000 之间的整数',
      stock: '库存应为 0 到 100000 之间的整数',
    });
    expect(validateReward({ name: '米', cost: '', stock: '', description: '' }).errors).toEqual({
      cost: '请填写兑换所需积分',
      stock: '请填写库存数量',
    });
  });
});
