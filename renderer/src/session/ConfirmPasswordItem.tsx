import { Form, Input } from 'antd';

/** "Type it again": a password field that must equal the field named `of`. */
export function ConfirmPasswordItem({ of, label }: { of: string; label: string }) {
  return (
    <Form.Item
      label={label}
      name="confirm"
      dependencies={[of]}
      rules={[
        { required: true, message: `请${label}` },
        ({ getFieldValue }) => ({
          validator: (_, value) => (value === getFieldValue(of) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
