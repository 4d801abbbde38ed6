import { useState } from 'react';
import { View, Text } from '@tarojs/components';

import { CheckChecked, CheckNormal } from '@nutui/icons-react-taro';
import { ConfirmWishRequest, FulfilWishRequest, WishView } from '@redvest/contract';
import { FormDialog } from '../FormDialog';
import { PhotoPicker } from './PhotoPicker';
import { StarRating } from './StarRating';
import './wishes.scss';
import { TextBox } from '../TextBox';

function Choice({
  selected,
  title,
  note,
  onClick,
}: {
  selected: boolean;
  title: string;
  note?: string;
  onClick: () => void;
}) {
  return (
    <View
      className={`wish-choice${selected ? ' wish-choice--selected' : ''}`}
      role="radio"
      aria-checked={selected}
      onClick={onClick}
    >
      {selected ? <CheckChecked size={22} color="#c8161d" /> : <CheckNormal size={22} color="#b0b4ba" />}
      <View className="wish-choice__text">
        <Text className="wish-choice__title">{title}</Text>
        {note ? <Text className="wish-choice__note">{note}</Text> : null}
      </View>
    </View>
  );
}

function Presets({
  items,
  value,
  onPick,
}: {
  items: readonly string[];
  value: string;
  onPick: (text: string) => void;
}) {
  return (
    <View className="wish-presets">
      {items.map((text) => (
        <View
          key={text}
          role="button"
          className={`rv-chip${value.trim() === text ? ' rv-chip--selected' : ''}`}
          onClick={() => onPick(text)}
        >
          {text}
        </View>
      ))}
    </View>
  );
}

/** 认领: what it means, and for a member with an employer whether to claim in its name (以原单位名义). */
export function ClaimDialog({
  wish,
  employer,
  busy,
  onConfirm,
  onCancel,
}: {
  wish: WishView;
  employer?: string | null;
  busy: boolean;
  onConfirm: (onBehalfOfEmployer: boolean) => void;
  onCancel: () => void;
}) {
  const [forEmployer, setForEmployer] = useState(false);
  return (
    <FormDialog
      title="认领心愿"
      confirmText="确认认领"
      busy={busy}
      onConfirm={() => onConfirm(Boolean(employer) && forEmployer)}
      onCancel={onCancel}
    >
      <Text className="wish-dialog__lead">“{wish.title}”</Text>
      <Text className="wish-dialog__text">
        认领后能看到居民的住址和电话，请尽快联系居民；办好后点“完成心愿”。
      </Text>
      {employer ? (
        <View className="wish-dialog__choices" role="radiogroup">
          <Choice selected={!forEmployer} title="以个人名义认领" onClick={() => setForEmployer(false)} />
          <Choice
            selected={forEmployer}
            title="以原单位名义认领"
            note={employer}
            onClick={() => setForEmployer(true)}
          />
        </View>
      ) : null}
    </FormDialog>
  );
}

const FULFIL_PRESETS = ['已上门办好了', '已陪同办理完毕', '东西已经送到了'];

/** 完成心愿: what was done (required) and up to three photos of it. */
export function FulfilDialog({
  busy,
  onConfirm,
  onCancel,
}: {
  busy: boolean;
  onConfirm: (request: FulfilWishRequest) => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const trimmed = note.trim();
  return (
    <FormDialog
      title="完成心愿"
      confirmText={uploading ? '照片上传中…' : '提交完成'}
      busy={busy}
      disabled={!trimmed || uploading}
      onConfirm={() =>
        trimmed && !uploading && onConfirm({ note: trimmed, ...(photos.length ? { photos } : {}) })
      }
      onCancel={onCancel}
    >
      <Text className="wish-dialog__text">说说您是怎么帮居民完成的（必填），居民确认后您就能得到积分。</Text>
      <Presets items={FULFIL_PRESETS} value={note} onPick={setNote} />
      <View className="wish-dialog__input">
        <TextBox value={note} placeholder="也可以自己写" maxLength={500} onChange={setNote} />
      </View>
      <Text className="wish-dialog__label">照片（选填）</Text>
      <PhotoPicker disabled={busy} onChange={setPhotos} onUploadingChange={setUploading} />
    </FormDialog>
  );
}

const THANKS_PRESETS = ['谢谢您的帮助！', '辛苦了，非常感谢！', '帮了我大忙，谢谢！'];

/**
 * 确认完成 (the resident) or 代居民确认 (a secretary for them): how satisfied, 1–5 stars, and a thank-you
 * message, both optional (five stars unless changed).
 */
export function ConfirmWishDialog({
  wish,
  onBehalf,
  busy,
  onConfirm,
  onCancel,
}: {
  wish: WishView;
  onBehalf: boolean;
  busy: boolean;
  onConfirm: (request: ConfirmWishRequest) => void;
  onCancel: () => void;
}) {
  const [rating, setRating] = useState(5);
  const [thanks, setThanks] = useState('');
  const trimmed = thanks.trim();
  return (
    <FormDialog
      title={onBehalf ? '代居民确认完成' : '确认心愿完成'}
      confirmText="确认完成"
      busy={busy}
      onConfirm={() => onConfirm({ rating, ...(trimmed ? { thanks: trimmed } : {}) })}
      onCancel={onCancel}
    >
      <Text className="wish-dialog__text">
        {onBehalf
          ? `代居民确认${wish.claimerName ? ` ${wish.claimerName} ` : ''}已完成，积分经审批后入账。`
          : `${wish.claimerName || '认领人'}帮您完成了心愿，您满意吗？`}
      </Text>
      <StarRating value={rating} onChange={setRating} />
      <Text className="wish-dialog__label">{onBehalf ? '居民的感谢（选填）' : '想说的感谢话（选填）'}</Text>
      <Presets items={THANKS_PRESETS} value={thanks} onPick={setThanks} />
      <View className="wish-dialog__input">
        <TextBox value={thanks} placeholder="也可以自己写" maxLength={300} onChange={setThanks} />
      </View>
    </FormDialog>
  );
}
