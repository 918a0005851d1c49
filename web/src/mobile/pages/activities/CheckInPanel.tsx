// 签到签退 on the activity page: scan the leader's QR code, type the code shown under it,
// or check by location (asked each time, used once, not stored: PIPL sensitive data).
import { Button, Dialog, Input, Popup } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Activity, MySignup } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { DoneText, ErrorText } from '../../components/Async';
import { formatTime } from '../../format';
import { currentPosition, PositionError } from '../../geolocation';
import { useAction } from '../../useAction';
import { QrScanner } from './QrScanner';

type Proof = { token: string } | { latitude: number; longitude: number; locationConsent: true };

export function CheckInPanel({ activity, signup, onChanged }: { activity: Activity; signup: MySignup; onChanged(): void }) {
  const { t, lang } = useI18n();
  const checkIn = useAction();
  const checkOut = useAction();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const phase = !signup.checkedInAt ? 'in' : !signup.checkedOutAt ? 'out' : 'over';
  const action = phase === 'out' ? checkOut : checkIn;

  async function send(proof: Proof) {
    setDone(null);
    const path = phase === 'out' ? '/api/v1/activities/{id}/checkout' : '/api/v1/activities/{id}/checkin';
    const result = await action.run((headers) => call(api.POST(path, { params: { path: { id: activity.id } }, body: proof, headers })));
    if (!result) return;
    const at = formatTime(phase === 'out' ? (result.checkedOutAt ?? result.checkedInAt) : result.checkedInAt, lang);
    setDone(t(phase === 'out' ? 'mobile.checkin.outDone' : 'mobile.checkin.inDone', { time: at }));
    setCode('');
    onChanged();
  }

  async function byLocation() {
    const agreed = await Dialog.confirm({
      title: t('mobile.checkin.locationTitle'),
      content: t('mobile.checkin.locationConsent'),
      confirmText: t('mobile.checkin.locationAgree'),
      cancelText: t('mobile.checkin.locationDecline'),
    });
    if (!agreed) return;
    try {
      const position = await currentPosition({ precise: true });
      await send({ ...position, locationConsent: true });
    } catch (error) {
      action.setError(t(error instanceof PositionError && error.problem === 'denied' ? 'mobile.geo.denied' : 'mobile.geo.unavailable'));
    }
  }

  const verb = phase === 'out' ? t('mobile.checkin.out') : t('mobile.checkin.in');
  return (
    <section className="m-checkin" aria-label={t('mobile.checkin.section')}>
      <h2>{t('mobile.checkin.section')}</h2>
      {signup.checkedInAt && <p className="m-state">{t('mobile.checkin.checkedInAt', { time: formatTime(signup.checkedInAt, lang) })}</p>}
      {signup.checkedOutAt && <p className="m-state">{t('mobile.checkin.checkedOutAt', { time: formatTime(signup.checkedOutAt, lang) })}</p>}
      <DoneText>{done}</DoneText>
      <ErrorText>{action.error}</ErrorText>
      {phase === 'over' ? (
        <p className="m-hint">{t(signup.confirmed ? 'mobile.attendance.confirmedHint' : 'mobile.attendance.awaitingHint')}</p>
      ) : (
        <>
          <Button block size="large" color="primary" loading={action.busy} onClick={() => setScanning(true)}>{t('mobile.checkin.scan', { verb })}</Button>
          <form
            className="m-code-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (code.trim()) void send({ token: code.trim() });
              else action.setError(t('mobile.checkin.codeRequired'));
            }}
          >
            <label htmlFor="checkin-code">{t('mobile.checkin.code')}</label>
            <p className="m-hint">{t('mobile.checkin.codeHint')}</p>
            <Input id="checkin-code" value={code} onChange={setCode} autoComplete="off" clearable />
            <Button block size="large" type="submit" color="primary" fill="outline" loading={action.busy}>{t('mobile.checkin.submitCode', { verb })}</Button>
          </form>
          <Button block size="large" fill="outline" loading={action.busy} onClick={() => void byLocation()}>{t('mobile.checkin.byLocation', { verb })}</Button>
        </>
      )}
      <Popup visible={scanning} onMaskClick={() => setScanning(false)} destroyOnClose bodyClassName="m-sheet">
        <QrScanner
          onCode={(token) => {
            setScanning(false);
            void send({ token });
          }}
          onClose={() => setScanning(false)}
        />
      </Popup>
    </section>
  );
}
