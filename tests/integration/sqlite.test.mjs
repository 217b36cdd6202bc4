// The integration scenarios on an embedded SQLite database (a temporary file).
import { defineScenarios } from './scenarios.mjs';
import { sqliteEngine } from '../support/engines.mjs';

defineScenarios(sqliteEngine());
