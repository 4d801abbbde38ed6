export default definePageConfig({
  navigationBarTitleText: '我的家人',
  enablePullDownRefresh: true,
});
