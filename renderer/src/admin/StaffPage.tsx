import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLES, type Role } from '../../../common/contract/permissions';
import type { MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';

type Account = MethodOutput<'accounts.list'>[number];
const ROLE_NAMES: Record<Role, string> = { clerk: '受理员', caseworker: '经办人', head: '站长', print: '打印岗', admin: '管理员' };
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }));

/** Staff accounts: create with a temporary password, change roles, reset a password, disable. */
export function StaffPage() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const accounts = useQuery({ queryKey: ['accounts.list'], queryFn: () => call('accounts.list', {}) });
  const refresh = () => void client.invalidateQueries({ queryKey: ['accounts.list'] });
  const [creating, setCreating] = useState(false);
  const [resetFor, setResetFor] = useState<Account | null>(null);
  const [rolesFor, setRolesFor] = useState<Account | null>(null);

  const create = useMutation({
    mutationFn: (v: { username: string; displayName: string; roles: Role[]; password: string }) => call('accounts.create', v),
    onSuccess: () => {
      setCreating(false);
      refresh();
      void message.success('账号已创建；请把临时密码当面告诉本人，首次登录时需修改。');
    },
  });
  const setRoles = useMutation({
    mutationFn: (v: { accountId: string; roles: Role[] }) => call('accounts.setRoles', v),
    onSuccess: () => {
      setRolesFor(null);
      refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (v: { accountId: string; password: string }) => call('accounts.resetPassword', v),
    onSuccess: () => {
      setResetFor(null);
      refresh();
      void message.success('已重置；本人下次登录时需修改密码。');
    },
  });
  const disable = useMutation({
    mutationFn: (accountId: string) => call('accounts.disable', { accountId }),
    onSuccess: (r) => {
      refresh();
      // The data key was replaced; an old-format recovery code could not follow it and was replaced too.
      if (r.newRecoveryCode) {
        Modal.warning({
          title: '新的恢复码（只显示这一次）',
          content: `旧恢复码已作废。请抄写或打印后放入站内保险柜：${r.newRecoveryCode}`,
          okText: '我已抄写',
        });
      }
      if (r.needPasswordReset?.length) void message.warning(`以下账号需重置密码：${r.needPasswordReset.join('、')}`);
    },
  });

  return (
    <Card title="人员管理" extra={<Button type="primary" onClick={() => setCreating(true)}>新增人员</Button>}>
      {accounts.isError && <Alert type="error" showIcon message={accounts.error.message} />}
      {disable.isError && <Alert type="error" showIcon message={disable.error.message} style={{ marginBottom: 12 }} />}
      <Table<Account>
        rowKey="id"
        loading={accounts.isPending}
        dataSource={accounts.data ?? []}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '岗位', dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{ROLE_NAMES[r]}</Tag>) },
          {
            title: '状态',
            render: (_, a) =>
              a.disabled ? <Tag>已停用</Tag> : a.lockedUntil ? <Tag color="red">登录已锁定</Tag> : a.mustChangePassword ? <Tag color="orange">待改密码</Tag> : <Tag color="green">正常</Tag>,
          },
          {
            title: '操作',
            render: (_, a) =>
              !a.disabled && (
                <Space>
                  <Button size="small" onClick={() => setRolesFor(a)}>岗位</Button>
                  <Button size="small" onClick={() => setResetFor(a)}>重置密码</Button>
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      Modal.confirm({ title: `停用 ${a.displayName}（${a.username}）？`, content: '停用后此人不能再登录。', okText: '停用', cancelText: '取消', onOk: () => disable.mutateAsync(a.id) })
                    }
                  >
                    停用
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={creating} title="新增人员" footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        {create.isError && <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ roles: ['clerk'] }}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="岗位" name="roles" rules={[{ required: true, message: '至少选择一个岗位' }]}>
            <Checkbox.Group options={roleOptions} />
          </Form.Item>
          <Form.Item label="临时密码" name="password" rules={[{ required: true, message: '请输入临时密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>创建</Button>
        </Form>
      </Modal>
      <Modal open={rolesFor !== null} title={`岗位：${rolesFor?.displayName ?? ''}`} footer={null} onCancel={() => setRolesFor(null)} destroyOnHidden>
        {setRoles.isError && <Alert type="error" showIcon message={setRoles.error.message} style={{ marginBottom: 12 }} />}
        <Form onFinish={(v: { roles: Role[] }) => rolesFor && setRoles.mutate({ accountId: rolesFor.id, roles: v.roles })} initialValues={{ roles: rolesFor?.roles }}>
          <Form.Item name="roles" rules={[{ required: true, message: '至少选择一个岗位' }]}>
            <Checkbox.Group options={roleOptions} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={setRoles.isPending}>保存</Button>
        </Form>
      </Modal>
      <Modal open={resetFor !== null} title={`重置密码：${resetFor?.displayName ?? ''}`} footer={null} onCancel={() => setResetFor(null)} destroyOnHidden>
        {reset.isError && <Alert type="error" showIcon message={reset.error.message} style={{ marginBottom: 12 }} />}
        <Form onFinish={(v: { password: string }) => resetFor && reset.mutate({ accountId: resetFor.id, password: v.password })}>
          <Form.Item label="临时密码" name="password" rules={[{ required: true, message: '请输入临时密码' }]}>
            <Input.Password autoFocus autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={reset.isPending}>重置</Button>
        </Form>
      </Modal>
    </Card>
  );
}
