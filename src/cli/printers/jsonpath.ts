// kubectl's JSONPath dialect: the template language of k8s.io/client-go/util/jsonpath (client-go
// v0.32, the version kubectl 1.32 is built with) and the way kubectl's JSONPathPrinter
// (k8s.io/cli-runtime/pkg/printers/jsonpath.go) reports its errors.
//
// The parser and the evaluator follow the Go code's algorithm closely on purpose: its odd corners
// (quoted keys re-parsed as paths, a range without {end}, an empty slice ending the whole step,
// the error messages) are what a learner sees, so they are reproduced rather than tidied.
//
// Values are JSON data as kubectl's unstructured objects hold it: an integral number is an int64
// and any other number a float64. Map iteration (`*`, `..`) is in sorted key order where Go's is
// random.
//
// The implementation lives in ./jsonpath/: the parser, the evaluator, and Go's formatting of
// values; this module is the API the printers use.

export type {
  ArrayParam,
  JsonPathNode,
  ListNode,
  ParsedTemplate,
  ParseResult,
} from './jsonpath/parse';
export { compileJsonPath, parseJsonPath } from './jsonpath/parse';
export type { JsonPathOptions, JsonPathResult } from './jsonpath/evaluate';
export { executeJsonPath, findJsonPathResults, jsonPath } from './jsonpath/evaluate';
export { formatGoFloat, formatGoValue, goQuote, goSharpV } from './jsonpath/goformat';
