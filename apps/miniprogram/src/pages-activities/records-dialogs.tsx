import { useState } from 'react';
import { Picker, View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { AttendanceView, CertificateView, MembershipView } from '@redvest/contract';
import { writtenDay } from '@redvest/domain';
import { Field, FieldBlock } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { toApiError } from '../hooks/useAsync';
import { useSubmit } from '../hooks/useSubmit';
import { api } from '../services/api';
import { openPdfWithLogin } from '../services/files';
import { chinaDay, formatDuration } from '../services/format';
import {
  certificatePeriod,
  checkCorrection,
  CorrectionErrors,
  MAX_REASON,
  PeriodKind,
  periodProblem,
} from './records-validate';
import { TextBox } from '../components/TextBox';
import { showModal } from '../services/modal';

/** 申请更正: the time the volunteer says they served (hours and minutes) and why. */
export function CorrectionDialog({
  attendance,
  onDone,
  onCancel,
}: {
  attendance: AttendanceView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const recorded = attendance.minutes ?? 0;
  const [form, setForm] = useState({
    hours: String(Math.floor(recorded / 60)),
    minutes: String(recorded % 60),
    reason: '',
  });
  const [errors, setErrors] = useState<CorrectionErrors>({});
  const { busy, submit: send } = useSubmit('没有提交成功');
  const update = (change: Partial<typeof form>) => {
    setForm((current) => ({ ...current, ...change }));
    setErrors({});
  };

  const submit = async () => {
    const checked = checkCorrection(form, recorded);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    await send(async () => {
      await api.records.requestCorrection(attendance.id, {
        minutes: checked.minutes,
        reason: form.reason.trim(),
      });
      onDone();
    });
  };

  return (
    <FormDialog
      title="申请更正服务时长"
      confirmText="提交"
      busy={busy}
      onConfirm={submit}
      onCancel={onCancel}
    >
      <Text className="records-dialog__lead">
        {attendance.activityTitle}：现在记录 {formatDuration(recorded)}
      </Text>
      <Field label="实际服务时长" error={errors.time}>
        <View className="records-duration">
          <Input
            className="records-duration__number"
            type="digit"
            align="center"
            value={form.hours}
            maxLength={3}
            aria-label="小时"
            onChange={(hours) => update({ hours })}
          />
          <Text className="records-duration__unit">小时</Text>
          <Input
            className="records-duration__number"
            type="digit"
            align="center"
            value={form.minutes}
            maxLength={2}
            aria-label="分钟"
            onChange={(minutes) => update({ minutes })}
          />
          <Text className="records-duration__unit">分钟</Text>
        </View>
      </Field>
      <FieldBlock label="更正原因" error={errors.reason} hint="社区工作人员核实后更正">
        <TextBox
          className="records-reason"
          value={form.reason}
          placeholder="例如：签退时手机没电，实际服务到 11 点"
          maxLength={MAX_REASON}
          onChange={(reason) => update({ reason })}
        />
      </FieldBlock>
    </FormDialog>
  );
}

const PERIODS: { key: PeriodKind; label: string }[] = [
  { key: 'this_year', label: '今年' },
  { key: 'last_year', label: '去年' },
  { key: 'custom', label: '自选日期' },
];

function DateField({
  label,
  value,
  end,
  onChange,
}: {
  label: string;
  value: string;
  end: string;
  onChange: (value: string) => void;
}) {
  return (
    <Picker
      className="records-date-picker"
      mode="date"
      value={value}
      start="2000-01-01"
      end={end}
      onChange={(e) => onChange(e.detail.value)}
    >
      <View className="records-date" role="button" aria-label={`${label}：${writtenDay(value)}`}>
        <Text className="records-date__label">{label}</Text>
        <Text className="records-date__value">{writtenDay(value)}</Text>
      </View>
    </Picker>
  );
}

/**
 * 开具志愿服务证明: the period (今年 / 去年 / chosen days) and, for members of several communities, which
 * community issues it; then the certificate's code and its PDF.
 */
export function CertificateDialog({
  memberships,
  onClose,
}: {
  memberships: MembershipView[];
  onClose: () => void;
}) {
  const today = chinaDay(new Date());
  const [kind, setKind] = useState<PeriodKind>('this_year');
  const [custom, setCustom] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [communityId, setCommunityId] = useState(memberships[0]?.communityId ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<CertificateView | null>(null);

  const issue = async () => {
    const period = certificatePeriod(kind, custom);
    const wrong = periodProblem(period);
    if (wrong) {
      setProblem(wrong);
      return;
    }
    setBusy(true);
    try {
      setIssued(await api.records.issueCertificate({ communityId, ...period }));
    } catch (caught) {
      setProblem(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const open = async (certificate: CertificateView) => {
    setBusy(true);
    try {
      await openPdfWithLogin(certificate.pdfUrl, `志愿服务证明-${certificate.code}.pdf`);
    } catch (caught) {
      void showModal({ title: '无法打开证明', content: toApiError(caught).message, showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  if (issued) {
    return (
      <FormDialog
        title="证明已开具"
        confirmText="打开证明"
        cancelText="关闭"
        busy={busy}
        onConfirm={() => void open(issued)}
        onCancel={onClose}
      >
        <View className="records-certificate">
          <Text className="records-certificate__label">证明编号</Text>
          <Text className="records-certificate__code" userSelect>
            {issued.code}
          </Text>
          <Text className="records-certificate__line">
            {issued.communityName}，{writtenDay(issued.from)}至{writtenDay(issued.to)}
          </Text>
          <Text className="records-certificate__line">
            参加活动 {issued.activityCount} 次，服务 {formatDuration(issued.totalMinutes)}
          </Text>
          <Text className="records-certificate__hint">
            凭证明编号可查验真伪。PDF 可打印或转发给需要的单位。
          </Text>
        </View>
      </FormDialog>
    );
  }

  return (
    <FormDialog
      title="开具志愿服务证明"
      confirmText="开具"
      busy={busy}
      disabled={!communityId}
      onConfirm={() => void issue()}
      onCancel={onClose}
    >
      {memberships.length > 1 ? (
        <Field label="出具社区">
          <View className="records-choices">
            {memberships.map((m) => (
              <View
                key={m.communityId}
                role="radio"
                aria-checked={communityId === m.communityId}
                className={`rv-chip${communityId === m.communityId ? ' rv-chip--selected' : ''}`}
                onClick={() => setCommunityId(m.communityId)}
              >
                {m.communityName}
              </View>
            ))}
          </View>
        </Field>
      ) : null}
      <Field label="证明期间" error={problem ?? undefined}>
        <View className="records-choices">
          {PERIODS.map((period) => (
            <View
              key={period.key}
              role="radio"
              aria-checked={kind === period.key}
              className={`rv-chip${kind === period.key ? ' rv-chip--selected' : ''}`}
              onClick={() => {
                setKind(period.key);
                setProblem(null);
              }}
            >
              {period.label}
            </View>
          ))}
        </View>
      </Field>
      {kind === 'custom' ? (
        <View className="records-dates">
          <DateField
            label="从"
            value={custom.from}
            end={today}
            onChange={(from) => {
              setCustom((current) => ({ ...current, from }));
              setProblem(null);
            }}
          />
          <DateField
            label="到"
            value={custom.to}
            end={today}
            onChange={(to) => {
              setCustom((current) => ({ ...current, to }));
              setProblem(null);
            }}
          />
        </View>
      ) : (
        <Text className="records-dialog__lead">
          {(() => {
            const period = certificatePeriod(kind, custom);
            return `${writtenDay(period.from)}至${writtenDay(period.to)}`;
          })()}
        </Text>
      )}
      <Text className="records-certificate__hint">
        证明以社区名义出具，列出这段时间参加的活动和已审批的服务时长。
      </Text>
    </FormDialog>
  );
}

/** Shown under the list's head: a button that opens the certificate dialog. */
export function CertificateEntry({ onOpen }: { onOpen: () => void }) {
  return (
    <View className="rv-card records-entry">
      <View className="records-entry__text">
        <Text className="records-entry__title">志愿服务证明</Text>
        <Text className="records-entry__note">按期间开具，可下载 PDF 打印</Text>
      </View>
      <Button type="primary" size="large" onClick={onOpen}>
        开具证明
      </Button>
    </View>
  );
}
