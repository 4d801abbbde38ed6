export default definePageConfig({
  navigationBarTitleText: '年度评价',
  enablePullDownRefresh: true,
});
