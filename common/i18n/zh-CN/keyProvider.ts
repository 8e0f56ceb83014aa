/** The device signing key kept in a USB key (SKF, GM/T 0016): what goes wrong, in words an administrator acts on. */
export const keyProvider = {
  errors: {
    KEY_DEVICE_LIBRARY_FAILED:
      '无法加载 USB Key 的厂商接口库 {{library}}：{{reason}}。请确认安装的是 USB Key 厂商提供的 SKF 接口库，或联系管理员。',
    KEY_DEVICE_NOT_FOUND: '没有找到插入的 USB Key{{device}}。请插好装有本站签名密钥的 USB Key 后重试。',
    KEY_DEVICE_PIN_INCORRECT: 'USB Key 的口令不对，还可以再试 {{retries}} 次。次数用完 USB Key 会被锁定，请核对后再输入。',
    KEY_DEVICE_PIN_LOCKED: 'USB Key 的口令已被锁定，不能再签名。请联系发放 USB Key 的单位解锁。',
    KEY_DEVICE_FAILED: 'USB Key 操作“{{step}}”失败（错误码 {{code}}）。请拔下后重新插入再试；仍不行请联系管理员。',
    KEY_DEVICE_BAD_KEY: 'USB Key 中“{{container}}”的密钥不能用作本站的签名密钥（{{reason}}）。请确认插入的是发给本站的 USB Key。',
  },
};
