export default definePageConfig({
  navigationBarTitleText: '分配住户',
  enablePullDownRefresh: true,
});
