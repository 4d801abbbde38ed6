export default definePageConfig({
  navigationBarTitleText: '积分审批',
  enablePullDownRefresh: true,
});
