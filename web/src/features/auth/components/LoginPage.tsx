import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { errorMessage } from '@/components/feedback';
import { useSession } from '@/lib/session/session';
import { useLogIn } from '../api/logIn';

type Values = { email: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { state, signedIn } = useSession();
  const logIn = useLogIn();
  const expired = state.status === 'anonymous' && state.expired;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}>
      <div style={{ position: 'absolute', top: 12, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: token.boxShadowTertiary }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <div
            aria-hidden
            style={{ width: 48, height: 48, borderRadius: 12, background: token.colorPrimary, color: '#fff', display: 'grid', placeItems: 'center', fontWeight: 700, marginBottom: 12 }}
          >
            {t('app.shortName')}
          </div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('auth.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
        </Flex>
        {expired && !logIn.isError && <Alert type="info" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
        {logIn.isError && (
          <Alert type="error" showIcon title={t('auth.failed')} description={errorMessage(logIn.error)} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form<Values>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => logIn.mutate(values, { onSuccess: (me) => signedIn(me) })}
        >
          <Form.Item
            label={t('auth.email')}
            name="email"
            rules={[
              { required: true, message: t('auth.emailRequired') },
              { type: 'email', message: t('auth.emailInvalid') },
            ]}
          >
            <Input prefix={<MailOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={logIn.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
