export default definePageConfig({
  navigationBarTitleText: '红马甲',
  enablePullDownRefresh: true,
});
