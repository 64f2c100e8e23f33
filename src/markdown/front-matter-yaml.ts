/**
 * The YAML parser, loaded only for front matter that is more than
 * `key: plain string` lines.
 */
export {isMap, isScalar, LineCounter, parseDocument} from 'yaml'
