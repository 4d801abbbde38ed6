import { yearStatement } from './statement';

describe('yearStatement', () => {
  it('closes the last year at the balance and opens it at the balance less the year', () => {
    expect(yearStatement(35, { earned: 60, spent: 25 }, [])).toEqual({
      opening: 0,
      earned: 60,
      spent: 25,
      closing: 35,
    });
  });

  it('closes an earlier year at the balance less what each later year added', () => {
    const later = [
      { earned: 30, spent: 10 },
      { earned: 5, spent: 40 },
    ];
    expect(yearStatement(100, { earned: 50, spent: 20 }, later)).toEqual({
      opening: 85,
      earned: 50,
      spent: 20,
      closing: 115,
    });
  });

  it('is the balance throughout for a year with nothing in it', () => {
    expect(yearStatement(12, undefined, [])).toEqual({ opening: 12, earned: 0, spent: 0, closing: 12 });
  });
});
