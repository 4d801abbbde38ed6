export default defineAppConfig({
  // The main package holds the four tabs and the login: what opens first and what everyone sees.
  pages: [
    'pages/home/index',
    'pages/scan/index',
    'pages/wishes/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/privacy/index',
  ],
  // Every other page loads with its area's subpackage (WeChat limits the main package to 2 MB; what it holds is
  // downloaded before the first page shows). The tabs preload the areas opened from them: see preloadRule.
  subPackages: [
    // 微心愿: posting (and 我要求助, 长辈首页's three steps), one wish, my wishes, my claims and 消息.
    { root: 'pages-wishes', pages: ['post', 'ask', 'detail', 'mine', 'claimed', 'messages'] },
    // 志愿活动, 扫码签到's result, 我的服务记录 and 查验志愿服务证明 (the link on a certificate, for anyone).
    { root: 'pages-activities', pages: ['index', 'detail', 'checkin-result', 'records', 'verify'] },
    // 爱心银行: my points and history, rewards, my orders and the ranking.
    { root: 'pages-points', pages: ['index', 'rewards', 'orders', 'leaderboard'] },
    // 包干到户: 我的包户, a household's card with 入户走访, 群众诉求 and 三单 (资源单, 需求单, 项目单).
    { root: 'pages-contact', pages: ['index', 'household', 'demands', 'lists'] },
    // 家人代办: 我的家人 and 输入家人给的代码.
    { root: 'pages-family', pages: ['index', 'link'] },
    // 个人信息: 加入社区, 导出我的数据, 注销账号.
    { root: 'pages-account', pages: ['join', 'my-data', 'delete-account'] },
    // Secretaries' pages: only a secretary opens them, so no tab preloads them.
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
  // Each tab fetches, in the background, the subpackages of the pages it opens, so a tap does not wait for them.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['pages-activities', 'pages-points', 'pages-contact'] },
    'pages/scan/index': { network: 'all', packages: ['pages-activities'] },
    'pages/wishes/index': { network: 'all', packages: ['pages-wishes'] },
    'pages/mine/index': {
      network: 'all',
      packages: ['pages-points', 'pages-activities', 'pages-account', 'pages-family'],
    },
  },
  // H5 pages change without sliding: with the slide, a page hidden under another was shaded by a timer that
  // could fire after the user had come back to it (back to 首页 showed an empty page); less motion is easier
  // on older eyes too. WeChat draws its own transitions.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
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
    // H5 draws the title bar (with a back button on sub-pages) only when asked; WeChat always does.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#5b5f66',
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
