import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { ErrorCode } from '@redvest/contract';
import { writtenDay } from '@redvest/domain';
import { Badge } from '../components/Badge';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { api } from '../services/api';
import { formatDateTime, formatDuration } from '../services/format';
import { queryParam } from '../services/routes';
import './verify.scss';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="verify-fact">
      <Text className="verify-fact__label">{label}</Text>
      <Text className="verify-fact__value">{value}</Text>
    </View>
  );
}

/**
 * 查验志愿服务证明: the page the link on a certificate opens, for whoever holds the paper (an employer, a
 * school); no login. It says whether the code is one the community issued and what that certificate says.
 */
export default function VerifyCertificatePage() {
  const code = (queryParam(useRouter().params, 'code') ?? '').trim();
  const check = useAsync(() => api.records.verifyCertificate(code), [code], { skip: !code });

  if (!code) {
    return (
      <Page>
        <EmptyState title="没有证明编号" description="请打开证明上的查验链接，或核对链接是否完整。" />
      </Page>
    );
  }
  if (check.loading)
    return (
      <Page>
        <LoadingState cards={1} rows={5} />
      </Page>
    );
  if (check.error?.code === ErrorCode.CertificateNotFound) {
    return (
      <Page>
        <EmptyState
          title="查无此证明"
          description={`没有编号为 ${code} 的志愿服务证明。请核对编号，或向出具证明的社区询问。`}
        />
      </Page>
    );
  }
  if (check.error || !check.data) {
    return (
      <Page>
        <ErrorState error={check.error ?? new Error('没有数据')} onRetry={check.reload} />
      </Page>
    );
  }
  const certificate = check.data;
  return (
    <Page className="verify-page">
      <View className="rv-card verify-card">
        <View className="verify-card__head">
          <Text className="verify-card__title">志愿服务证明</Text>
          <Badge tone="green">真实有效</Badge>
        </View>
        <Text className="verify-card__lead">这份证明由{certificate.communityName}出具，内容如下。</Text>
        <Fact label="证明编号" value={certificate.code} />
        <Fact label="志愿者" value={certificate.holderName} />
        <Fact label="服务时段" value={`${writtenDay(certificate.from)}至${writtenDay(certificate.to)}`} />
        <Fact label="参加活动" value={`${certificate.activityCount} 次`} />
        <Fact label="服务时长" value={formatDuration(certificate.totalMinutes)} />
        <Fact label="出具时间" value={formatDateTime(certificate.issuedAt)} />
        <Text className="verify-card__note">为保护个人信息，姓名只显示部分。</Text>
      </View>
    </Page>
  );
}
