export default definePageConfig({
  navigationBarTitleText: '新建小组',
});
