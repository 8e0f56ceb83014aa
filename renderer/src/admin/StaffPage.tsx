import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLES, type Role } from '../../../common/contract/permissions';
import type { MethodOutput } from '../../../common/contract/index';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useFieldMessages } from '../api/formErrors';
import { useRoleName } from '../layout/roleNames';

type Account = MethodOutput<'accounts.list'>[number];

/** Staff accounts: create with a temporary password, change roles, reset a password, disable. */
export function StaffPage() {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const roleOptions = ROLES.map((r) => ({ value: r, label: roleName(r) }));
  const client = useQueryClient();
  const { message } = App.useApp();
  const accounts = useQuery({ queryKey: ['accounts.list'], queryFn: () => call('accounts.list', {}) });
  const refresh = () => void client.invalidateQueries({ queryKey: ['accounts.list'] });
  const [creating, setCreating] = useState(false);
  const [resetFor, setResetFor] = useState<Account | null>(null);
  const [rolesFor, setRolesFor] = useState<Account | null>(null);
  const createMessages = useFieldMessages();
  // Every refusal of the new account's input is on its field: no second copy above the form.
  const [createOnFields, setCreateOnFields] = useState(false);

  const create = useMutation({
    mutationFn: (v: { username: string; displayName: string; roles: Role[]; password: string }) => call('accounts.create', v),
    onError: (e) =>
      setCreateOnFields(createMessages.take(e, (p) => (['username', 'displayName', 'roles', 'password'].includes(p) ? p : undefined))),
    onSuccess: () => {
      setCreating(false);
      refresh();
      void message.success(t('staff.created'));
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
      void message.success(t('staff.reset'));
    },
  });
  const disable = useMutation({
    mutationFn: (accountId: string) => call('accounts.disable', { accountId }),
    onSuccess: (r) => {
      refresh();
      // The data key was replaced; an old-format recovery code could not follow it and was replaced too.
      if (r.newRecoveryCode) {
        Modal.warning({
          title: t('staff.newCodeTitle'),
          content: t('staff.newCode', { code: r.newRecoveryCode }),
          okText: t('staff.newCodeOk'),
        });
      }
      if (r.needPasswordReset?.length) void message.warning(t('staff.needReset', { names: r.needPasswordReset.join('、') }));
    },
  });

  return (
    <Card
      title={t('staff.title')}
      extra={
        <Button type="primary" onClick={() => (create.reset(), createMessages.clear(), setCreating(true))}>
          {t('staff.add')}
        </Button>
      }
    >
      {accounts.isError && <Alert type="error" showIcon message={accounts.error.message} />}
      {disable.isError && <Alert type="error" showIcon message={disable.error.message} style={{ marginBottom: 12 }} />}
      <Table<Account>
        rowKey="id"
        loading={accounts.isPending}
        dataSource={accounts.data ?? []}
        pagination={false}
        columns={[
          { title: t('staff.columns.username'), dataIndex: 'username', render: (v: string) => <span data-verbatim>{v}</span> },
          { title: t('staff.columns.displayName'), dataIndex: 'displayName' },
          {
            title: t('staff.columns.roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>),
          },
          {
            title: t('staff.columns.status'),
            render: (_, a) =>
              a.disabled ? (
                <Tag>{t('staff.status.disabled')}</Tag>
              ) : a.lockedUntil ? (
                <Tag color="red">{t('staff.status.locked')}</Tag>
              ) : a.mustChangePassword ? (
                <Tag color="orange">{t('staff.status.mustChange')}</Tag>
              ) : (
                <Tag color="green">{t('staff.status.active')}</Tag>
              ),
          },
          {
            title: t('staff.columns.actions'),
            render: (_, a) =>
              !a.disabled && (
                <Space>
                  <Button size="small" onClick={() => setRolesFor(a)}>
                    {t('staff.roles')}
                  </Button>
                  <Button size="small" onClick={() => setResetFor(a)}>
                    {t('staff.resetPassword')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      Modal.confirm({
                        title: t('staff.disableConfirm', { name: a.displayName, username: a.username }),
                        content: t('staff.disableHelp'),
                        okText: t('staff.disable'),
                        cancelText: t('staff.cancel'),
                        onOk: () => disable.mutateAsync(a.id),
                      })
                    }
                  >
                    {t('staff.disable')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={creating} title={t('staff.add')} footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        {create.isError && !createOnFields && <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 12 }} />}
        <Form
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          onValuesChange={(changed: object) => (createMessages.onValuesChange(changed), create.reset())}
          initialValues={{ roles: ['clerk'] }}
        >
          <Form.Item
            label={t('staff.username')}
            name="username"
            rules={[{ required: true, message: t('staff.usernameMissing') }]}
            {...createMessages.item('username')}
          >
            <Input autoFocus />
          </Form.Item>
          <Form.Item
            label={t('staff.displayName')}
            name="displayName"
            rules={[{ required: true, message: t('staff.displayNameMissing') }]}
            {...createMessages.item('displayName')}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('staff.roles')}
            name="roles"
            rules={[{ required: true, message: t('staff.rolesMissing') }]}
            {...createMessages.item('roles')}
          >
            <Checkbox.Group options={roleOptions} />
          </Form.Item>
          <Form.Item
            label={t('staff.temporaryPassword')}
            name="password"
            rules={[{ required: true, message: t('staff.temporaryPasswordMissing') }]}
            {...createMessages.item('password')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('staff.create')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={rolesFor !== null}
        title={t('staff.rolesOf', { name: rolesFor?.displayName ?? '' })}
        footer={null}
        onCancel={() => setRolesFor(null)}
        destroyOnHidden
      >
        {setRoles.isError && <Alert type="error" showIcon message={setRoles.error.message} style={{ marginBottom: 12 }} />}
        <Form
          onFinish={(v: { roles: Role[] }) => rolesFor && setRoles.mutate({ accountId: rolesFor.id, roles: v.roles })}
          initialValues={{ roles: rolesFor?.roles }}
        >
          <Form.Item name="roles" rules={[{ required: true, message: t('staff.rolesMissing') }]}>
            <Checkbox.Group options={roleOptions} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={setRoles.isPending}>
            {t('staff.save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={resetFor !== null}
        title={t('staff.resetOf', { name: resetFor?.displayName ?? '' })}
        footer={null}
        onCancel={() => setResetFor(null)}
        destroyOnHidden
      >
        {reset.isError && <Alert type="error" showIcon message={reset.error.message} style={{ marginBottom: 12 }} />}
        <Form onFinish={(v: { password: string }) => resetFor && reset.mutate({ accountId: resetFor.id, password: v.password })}>
          <Form.Item
            label={t('staff.temporaryPassword')}
            name="password"
            rules={[{ required: true, message: t('staff.temporaryPasswordMissing') }]}
          >
            <Input.Password autoFocus autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={reset.isPending}>
            {t('staff.resetSubmit')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
