// Vector ops of the 大写 area (words.json) -> the JS surface.
export default {
  'words.to_words': (api, input) => api.amountInWords(input.amount, {
    style: input.style, rmbPrefix: input.rmb_prefix, zheng: input.zheng,
    negative: input.negative, zeros: input.zeros, excess: input.excess,
  }),
  'words.to_amount': (api, input) => api.wordsToAmount(input),
  'words.read': (api, input) => api.readWords(input.words, input.mode),
  'words.matches': (api, input) => api.wordsMatch(input.words, input.amount),
};
