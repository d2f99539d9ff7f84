// Small invoice fixtures for the binding tests and benches (plain objects, money as strings).
const SELLER = { name: '上海七牛信息技术有限公司', tax_id: '91310000580583950X' };

/** A valid 数电 ordinary invoice with `lines` lines (amounts and taxes consistent). */
export function invoice(lines = 1) {
  const ls = Array.from({ length: lines }, (_, i) => ({
    tax_code: '3070401000000000000', name: `*餐饮服务*餐饮服务${i + 1}`, amount: '100.00', rate: '6%', tax: '6.00',
  }));
  const amount = (100 * lines).toFixed(2);
  const tax = (6 * lines).toFixed(2);
  return {
    kind: 'digital_ordinary', number: '24312000000358032546', issue_date: '2024-11-18',
    seller: { ...SELLER }, buyer: { name: '张三', type: 'natural_person' }, lines: ls,
    totals: { amount, tax, total: (106 * lines).toFixed(2) },
  };
}

/** `n` one-line invoices; every third has a 16-character seller tax id (an error finding). */
export function invoices(n) {
  return Array.from({ length: n }, (_, i) => {
    const inv = invoice(1);
    inv.totals.total_in_words = '壹佰零陆圆整';
    if (i % 3 === 1) inv.seller.tax_id = '9131000058058395';
    return inv;
  });
}
