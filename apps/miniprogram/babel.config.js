// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
const nutuiPackages = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    // On-demand NutUI: `import { Button } from '@nutui/nutui-react-taro'` becomes the button module and its CSS,
    // so only the components we use (and their styles) land in the bundle.
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${nutuiPackages}/${name.toLowerCase()}`,
        customStyleName: (name) => `${nutuiPackages}/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
    // Icons: one module per icon instead of the whole set.
    [
      'import',
      {
        libraryName: '@nutui/icons-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/icons-react-taro/dist/es/icons/${name}`,
      },
      'nutui-icons-react-taro',
    ],
  ],
};
