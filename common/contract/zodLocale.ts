import { z } from 'zod';

/** Validation messages in zh-CN wherever a schema is checked (both sides import the contract). */
z.config(z.locales.zhCN());
