// The action's entry point, as action.yml names it (dist/index.js).
import { main } from './main.ts'

await main()
