// NutUI marks its controls with `ariaRole`, WeChat's name for the role. Taro's H5 components write it out as
// an `aria-role` attribute, which browsers and screen readers do not know, so a checkbox or a switch had no
// role there (and its aria-checked was not allowed). On H5 the key becomes the web's `role`.
module.exports = function webAriaRole(source) {
  return source.replace(/\bariaRole(\s*:)/g, 'role$1');
};
