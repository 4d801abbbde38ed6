import { MyDataExport } from '@redvest/contract';

/** What the export holds, section by section, in the words the page shows (with how many of each). */
export function exportSections(data: MyDataExport): { label: string; count: number }[] {
  return [
    { label: '加入的社区', count: data.memberships.length },
    { label: '退出过的社区', count: data.formerMemberships.length },
    { label: '社区邀请', count: data.invitations.length },
    { label: '积分和时长明细', count: data.points.transfers.length },
    { label: '签到服务记录', count: data.attendances.length },
    { label: '活动报名', count: data.enrolments.length },
    { label: '服务记录更正申请', count: data.corrections.length },
    { label: '志愿服务证明', count: data.certificates.length },
    { label: '我发布的心愿', count: data.wishesPosted.length },
    { label: '我认领的心愿', count: data.wishesClaimed.length },
    { label: '我在心愿进度中写的话', count: data.wishNotes.length },
    { label: '我提出的诉求', count: data.demands.length },
    { label: '我办结的诉求', count: data.demandsResolved.length },
    { label: '我登记的走访', count: data.visitsRecorded.length },
    { label: '包户小组', count: data.contactGroups.length },
    { label: '资源单', count: data.resources.length },
    { label: '我接的服务项目', count: data.serviceProjectsTaken.length },
    { label: '我得到的评价', count: data.ratingsOfMe.length },
    { label: '兑换订单', count: data.redemptions.length },
    { label: '上传的照片和录音', count: data.uploads.length },
    { label: '我的家人（替我办事的家人）', count: data.familyLinks.family.length },
    { label: '我代办的家人', count: data.familyLinks.residents.length },
    { label: '消息', count: data.notifications.length },
  ];
}
