a

   # comment

    
b
