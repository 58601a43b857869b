import { uniqueHeaders } from '../../../src/core/values/headers';

it('makes duplicate and empty labels unique', () => {
  expect(uniqueHeaders(['id', 'ID', 'name', 'id', '', 'id (2)'])).toEqual({
    headers: ['id', 'ID (2)', 'name', 'id (3)', 'column5', 'id (2) (2)'],
    renamed: ['ID (2)', 'id (3)', 'id (2) (2)'],
  });
});
