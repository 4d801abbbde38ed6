export default definePageConfig({
  navigationBarTitleText: '我的包户',
  enablePullDownRefresh: true,
});
