import { config } from '@policy-commons/eslint-config';

export default config();
