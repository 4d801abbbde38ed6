export default definePageConfig({
  navigationBarTitleText: '住户卡片',
  enablePullDownRefresh: true,
});
