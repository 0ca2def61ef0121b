// Checks real HTTP answers against the OpenAPI 3.1 document the server publishes: every response
// body must validate against the schema documented for its operation, status and Content-Type.
// OpenAPI 3.1 schemas are JSON Schema 2020-12, so Ajv's 2020 dialect compiles them as they are.
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const kDocId = 'openapi.json'
const kMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
// Members of an OpenAPI document, and OpenAPI's annotations inside schemas, that are not JSON Schema
// keywords. Everything else unknown inside a schema is an error (strict mode): a typo such as
// `nulable`, or OpenAPI 3.0's `nullable`, must not silently validate nothing.
const kOpenApiKeywords = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs', 'example', 'xml', 'discriminator']

/** `{a}` and `{id}` become `{}`, so that templates match whatever the document names its parameters. */
export function normalizeTemplate(template) {
  return template.replace(/\{[^}]*\}/g, '{}')
}

function escapePointer(segment) {
  return encodeURIComponent(String(segment).replace(/~/g, '~0').replace(/\//g, '~1'))
}

function unescapePointer(segment) {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')
}

function extensionKeys(value, into = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => extensionKeys(v, into))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('x-')) into.add(k)
      extensionKeys(v, into)
    }
  }
  return into
}

/** The first Ajv error as `body<instancePath>: <message> (schema <schemaPath>)`. */
export function describeError(error) {
  const where = `body${error.instancePath || ''}`
  const extra = error.params && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : ''
  return `${where}: ${error.message}${extra} (schema ${error.schemaPath})`
}

export class Contract {
  /** `doc`: the parsed OpenAPI document. Throws when it is not an OpenAPI 3.1 document. */
  constructor(doc) {
    if (!doc || typeof doc !== 'object' || !/^3\.1\./.test(String(doc.openapi))) {
      throw new Error(`not an OpenAPI 3.1 document: openapi = ${JSON.stringify(doc?.openapi)}`)
    }
    this.doc = doc
    this.ajv = new Ajv2020({
      strict: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      allowUnionTypes: true,
      allErrors: false,
      validateFormats: true,
    })
    addFormats(this.ajv)
    for (const k of [...kOpenApiKeywords, ...extensionKeys(doc)]) this.ajv.addKeyword(k)
    this.ajv.addSchema(doc, kDocId)
    this.validators = new Map()
    /** `METHOD {}-normalised template` → number of calls checked against it. */
    this.exercised = new Map()
    this.pathIndex = new Map(Object.keys(doc.paths ?? {}).map((p) => [normalizeTemplate(p), p]))
  }

  /** Every operation of the document as `{method, path}` (method upper-case). */
  operations() {
    const out = []
    for (const [p, item] of Object.entries(this.doc.paths ?? {})) {
      for (const m of kMethods) if (item[m]) out.push({ method: m.toUpperCase(), path: p })
    }
    return out
  }

  /** The document's path template matching `template` ({id} vs {enterprise_id} alike), or undefined. */
  documentedPath(template) {
    return this.pathIndex.get(normalizeTemplate(template))
  }

  /** The operation object, or throws naming what is missing. */
  operation(method, template) {
    const p = this.documentedPath(template)
    if (!p) throw new Error(`${method} ${template} is not in the OpenAPI document (paths: ${[...this.pathIndex.values()].join(', ') || 'none'})`)
    const op = this.doc.paths[p][method.toLowerCase()]
    if (!op) throw new Error(`${method} ${p} is not documented (the path has no ${method.toLowerCase()} operation)`)
    return { path: p, op }
  }

  /** The value at `#/...` of the document (following nothing). */
  at(pointer) {
    let v = this.doc
    for (const seg of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
      v = v?.[unescapePointer(seg)]
      if (v === undefined) throw new Error(`the OpenAPI document has nothing at ${pointer}`)
    }
    return v
  }

  /** Follows `$ref`s of non-schema objects (responses, parameters); returns `[object, pointer]`. */
  deref(object, pointer) {
    const seen = new Set()
    while (object && typeof object.$ref === 'string') {
      if (!object.$ref.startsWith('#')) throw new Error(`${pointer}: external $ref ${object.$ref} is not supported`)
      if (seen.has(object.$ref)) throw new Error(`${pointer}: $ref cycle at ${object.$ref}`)
      seen.add(object.$ref)
      pointer = object.$ref
      object = this.at(pointer)
    }
    return [object, pointer]
  }

  /** The names of the query parameters documented for an operation (path-level ones included). */
  queryParameters(method, template) {
    const { path: p, op } = this.operation(method, template)
    const base = `#/paths/${escapePointer(p)}`
    const list = [
      ...(this.doc.paths[p].parameters ?? []).map((x, i) => this.deref(x, `${base}/parameters/${i}`)[0]),
      ...(op.parameters ?? []).map((x, i) => this.deref(x, `${base}/${method.toLowerCase()}/parameters/${i}`)[0]),
    ]
    return list.filter((x) => x.in === 'query').map((x) => x.name)
  }

  /** Compiles (once) the schema at `pointer`; throws with Ajv's message when it does not compile. */
  validator(pointer) {
    let v = this.validators.get(pointer)
    if (!v) {
      v = this.ajv.compile({ $ref: `${kDocId}${pointer}` })
      this.validators.set(pointer, v)
    }
    return v
  }

  /** Compiles every schema of components.schemas; returns `[name, error message]` for those that fail. */
  compileComponents() {
    const failures = []
    // Ajv knows OpenAPI 3.0's `nullable`; 3.1 dropped it (a null is `type: [..., "null"]`).
    const walk = (v, where) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}/${i}`))
      else if (v && typeof v === 'object') {
        if ('nullable' in v) failures.push([where, 'OpenAPI 3.0 `nullable` is not OpenAPI 3.1: write type: [..., "null"]'])
        for (const [k, x] of Object.entries(v)) walk(x, `${where}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)
      }
    }
    walk(this.doc.components ?? {}, '#/components')
    walk(this.doc.paths ?? {}, '#/paths')
    for (const name of Object.keys(this.doc.components?.schemas ?? {})) {
      try {
        this.validator(`#/components/schemas/${escapePointer(name)}`)
      } catch (e) {
        failures.push([name, e.message])
      }
    }
    return failures
  }

  /**
   * Validates one answer: `contentType` is the response header; `body` undefined = no body. Throws an Error whose message
   * names the operation, status and JSON pointer of the first mismatch.
   */
  check(method, template, status, contentType, body) {
    const { path: p, op } = this.operation(method, template)
    this.exercised.set(`${method} ${normalizeTemplate(p)}`, (this.exercised.get(`${method} ${normalizeTemplate(p)}`) ?? 0) + 1)
    const what = `${method} ${p} → ${status}`
    const responses = op.responses ?? {}
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => responses[k])
    if (!key) throw new Error(`${what}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ') || 'none'})`)
    const [response, responsePointer] = this.deref(responses[key], `#/paths/${escapePointer(p)}/${method.toLowerCase()}/responses/${escapePointer(key)}`)
    const content = response.content ?? {}
    if (body === undefined) {
      if (Object.keys(content).length) throw new Error(`${what}: the answer has no body, but ${key} is documented with ${Object.keys(content).join(', ')}`)
      return
    }
    if (!Object.keys(content).length) throw new Error(`${what}: ${key} is documented without a body, but the answer has one`)
    const media = String(contentType ?? '').split(';')[0].trim().toLowerCase()
    if (!content[media]) throw new Error(`${what}: Content-Type ${media || '(none)'} is not documented for ${key} (documented: ${Object.keys(content).join(', ') || 'none'})`)
    if (!content[media].schema) throw new Error(`${what}: ${media} of ${key} has no schema`)
    const validate = this.validator(`${responsePointer}/content/${escapePointer(media)}/schema`)
    if (!validate(body)) throw new Error(`${what}: ${describeError(validate.errors[0])}`)
  }

  /** The operations of the document no checked call has used, as `METHOD path`. */
  unexercised() {
    return this.operations()
      .filter(({ method, path: p }) => !this.exercised.has(`${method} ${normalizeTemplate(p)}`))
      .map(({ method, path: p }) => `${method} ${p}`)
  }
}
