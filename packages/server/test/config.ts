import { loadConfig } from '../src/platform/config.js'

export const TEST_SECRET = 'test-secret-key-0123456789abcdefghijklmnop'
export const testConfig = () => loadConfig({ SECRET_KEY: TEST_SECRET, DATA_DIR: '/tmp/yiyang-test-unused', LOG_LEVEL: 'silent', MQTT_ENABLED: 'false' })
