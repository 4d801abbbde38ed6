export default definePageConfig({
  navigationBarTitleText: '三单',
  enablePullDownRefresh: true,
});
