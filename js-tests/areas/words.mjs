// Vector ops of the 大写 area (words.json) -> the JS surface.
export default {
  // Without options the call is `amountInWords(amount)`, as most callers write it (a string
  // amount then crosses in the bare encoding).
  'words.to_words': (api, input) => {
    const { amount, ...rest } = input;
    if (Object.keys(rest).length === 0) return api.amountInWords(amount);
    return api.amountInWords(amount, {
      style: input.style, rmbPrefix: input.rmb_prefix, zheng: input.zheng,
      negative: input.negative, zeros: input.zeros, excess: input.excess,
    });
  },
  'words.to_amount': (api, input) => api.wordsToAmount(input),
  'words.read': (api, input) => api.readWords(input.words, input.mode),
  'words.matches': (api, input) => api.wordsMatch(input.words, input.amount),
};
