import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Type it again": a password field that must equal the field named `of`. */
export function ConfirmPasswordItem({ of, label }: { of: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={label}
      name="confirm"
      dependencies={[of]}
      rules={[
        { required: true, message: t('session.password.againMissing') },
        ({ getFieldValue }) => ({
          validator: (_, value) =>
            value === getFieldValue(of) ? Promise.resolve() : Promise.reject(new Error(t('session.password.mismatch'))),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
