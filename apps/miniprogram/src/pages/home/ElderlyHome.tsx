import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Heart, Phone, Service, Star } from '@nutui/icons-react-taro';
import { MembershipStatus, MembershipView } from '@redvest/contract';
import { ACTIVITIES_PAGE, askForHelpPage, POINTS_PAGE } from '../../services/routes';
import { BigButton } from './BigButton';
import { ContactMemberButton } from './ContactMemberButton';
import './ElderlyHome.scss';

/** 长辈首页: the four things an older resident comes for, as large buttons. */
export function ElderlyHome({ membership }: { membership: MembershipView }) {
  const active = membership.status === MembershipStatus.Active;
  const cid = membership.communityId;
  return (
    <View className="elderly-home">
      {active ? null : (
        <View className="rv-card">
          <Text className="elderly-home__pending">入社区申请正在审核中，社区工作人员核实后就能求助。</Text>
        </View>
      )}
      {active ? (
        <BigButton
          icon={<Heart size={36} />}
          title="我要求助"
          note="说出难处，志愿者来帮您"
          onClick={() => void Taro.navigateTo({ url: askForHelpPage(cid) })}
        />
      ) : null}
      {active ? <ContactMemberButton cid={cid} icon={<Phone size={36} />} /> : null}
      <BigButton
        icon={<Star size={36} />}
        title="我的积分"
        note="爱心银行，积分换米换油"
        onClick={() => void Taro.navigateTo({ url: POINTS_PAGE })}
      />
      <BigButton
        icon={<Service size={36} />}
        title="社区活动"
        note="看看最近有什么活动"
        onClick={() => void Taro.navigateTo({ url: ACTIVITIES_PAGE })}
      />
    </View>
  );
}
