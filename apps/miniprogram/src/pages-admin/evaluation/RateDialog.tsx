import { useState } from 'react';
import { Text } from '@tarojs/components';

import {
  CONTACT_LIMITS,
  GivenRating,
  RATING_GRADE_LABELS,
  RATING_LEVEL_LABELS,
  RateMemberRequest,
  RatingGrade,
  RatingLevel,
} from '@redvest/contract';
import { Choices } from '../../components/Choices';
import { FieldBlock } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useSubmit } from '../../hooks/useSubmit';
import { api } from '../../services/api';
import { TextBox } from '../../components/TextBox';
import { showToast } from '../../services/toast';

const GRADES = (Object.keys(RATING_GRADE_LABELS) as RatingGrade[]).map((key) => ({
  key,
  label: RATING_GRADE_LABELS[key],
}));

export interface Rating {
  userId: string;
  name: string;
  level: RatingLevel;
  given?: GivenRating;
}

/** One rating of one member at one level: the grade (优秀 … 不合格) and a short comment. */
export function RateDialog({
  cid,
  year,
  rating,
  onDone,
  onCancel,
}: {
  cid: string;
  year: number;
  rating: Rating;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [grade, setGrade] = useState<RatingGrade | undefined>(rating.given?.grade);
  const [comment, setComment] = useState(rating.given?.comment ?? '');
  const { busy, submit: send } = useSubmit('没有保存成功');

  const submit = async () => {
    if (!grade) return;
    const body: RateMemberRequest = { year, level: rating.level, grade };
    if (comment.trim()) body.comment = comment.trim();
    await send(async () => {
      await api.contact.rate(cid, rating.userId, body);
      void showToast({ title: '评价已保存', icon: 'success' });
      onDone();
    });
  };

  return (
    <FormDialog
      title={RATING_LEVEL_LABELS[rating.level]}
      confirmText="提交评价"
      busy={busy}
      disabled={!grade}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <Text className="rate-dialog__who">
        {rating.name} · {year} 年度
      </Text>
      <Choices label="评价等次" items={GRADES} value={grade} column onChange={setGrade} />
      <FieldBlock label="评语（选填）">
        <TextBox
          value={comment}
          placeholder="写几句对这位党员的评价"
          maxLength={CONTACT_LIMITS.ratingComment.max}
          onChange={setComment}
        />
      </FieldBlock>
    </FormDialog>
  );
}
