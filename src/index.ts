// The action's entry point, as action.yml names it (dist/index.js).
import { main } from './action/main.ts'

await main()
