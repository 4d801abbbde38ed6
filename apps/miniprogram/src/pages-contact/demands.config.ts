export default definePageConfig({
  navigationBarTitleText: '群众诉求',
  enablePullDownRefresh: true,
});
