import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`typeorm migration:show -d dist/database/data-source.js`). */
export default new DataSource(dataSourceOptions(loadConfig()));
