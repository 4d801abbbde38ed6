export default definePageConfig({
  navigationBarTitleText: '输入家人给的代码',
});
