// The integration scenarios on PostgreSQL 15: a throw-away cluster on 127.0.0.1, started and
// removed by this file.
import { defineScenarios } from './scenarios.mjs';
import { postgresEngine } from '../support/engines.mjs';

defineScenarios(postgresEngine());
