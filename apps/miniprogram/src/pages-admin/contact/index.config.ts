export default definePageConfig({
  navigationBarTitleText: '包户管理',
  enablePullDownRefresh: true,
});
