export default defineAppConfig({
  // The four tab pages and the pages every user needs stay in the main package.
  pages: [
    'pages/home/index',
    'pages/scan/index',
    'pages/wishes/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/privacy/index',
    'pages/join/index',
    // 个人信息: 导出我的数据, 注销账号.
    'pages/my-data/index',
    'pages/delete-account/index',
    // 爱心银行: every member's points, history, rewards and ranking.
    'pages/points/index',
    'pages/rewards/index',
    'pages/rewards/orders',
    'pages/leaderboard/index',
    // 志愿活动, 扫码签到's result and 我的服务记录.
    'pages/activities/index',
    'pages/activities/detail',
    'pages/checkin-result/index',
    'pages/records/index',
    // 微心愿: posting, one wish, my wishes, my claims and 消息.
    'pages/wishes/post',
    'pages/wishes/detail',
    'pages/wishes/mine',
    'pages/wishes/claimed',
    'pages/wishes/messages',
    // 包干到户: 我的包户, a household's card with 入户走访, and 群众诉求.
    'pages/contact/index',
    'pages/contact/household',
    'pages/contact/demands',
    // 三单: 资源单, 需求单, 项目单.
    'pages/contact/lists',
  ],
  // Secretaries' pages load only when a secretary opens them.
  subPackages: [
    {
      root: 'pages-admin',
      pages: [
        'members/index',
        'buildings/index',
        'households/index',
        'approvals/index',
        'rewards/index',
        // 活动管理 and 服务记录更正.
        'activities/index',
        'activities/edit',
        'activity/index',
        'corrections/index',
        // The organiser's check-in code and the printable poster.
        'live-code/index',
        'poster/index',
        // 心愿审核.
        'wishes/index',
        // 包户管理.
        'contact/index',
        'contact/group',
        'contact/assign',
        // 年度评价.
        'evaluation/index',
        // 审计日志.
        'audit/index',
      ],
    },
  ],
  // 定位签到: an activity may check that the volunteer is at its place.
  permission: {
    'scope.userLocation': { desc: '用于核对您在志愿活动现场签到' },
  },
  // 发布活动 picks the place of a location check on the map.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  window: {
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '红马甲',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#7a7e87',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/scan/index',
        text: '扫码',
        iconPath: 'assets/tabbar/scan.png',
        selectedIconPath: 'assets/tabbar/scan-active.png',
      },
      {
        pagePath: 'pages/wishes/index',
        text: '心愿',
        iconPath: 'assets/tabbar/wish.png',
        selectedIconPath: 'assets/tabbar/wish-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
