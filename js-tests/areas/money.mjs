// Vector ops of the money area (invoice-core/tests/vectors/money.json) -> the JS surface.
export default {
  'money.amount': (api, input) => api.amount(input),
  'money.price': (api, input) => api.price(input),
  'money.quantity': (api, input) => api.quantity(input),
  'money.rate': (api, input) => api.taxRate(input),
  'money.round': (api, input) => api.roundHalfUp(input.value, input.places),
};
