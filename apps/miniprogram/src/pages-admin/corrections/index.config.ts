export default definePageConfig({
  navigationBarTitleText: '服务记录更正',
  enablePullDownRefresh: true,
});
